import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const lintCommand: Command = {
  name: 'lint',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: lint is not implemented yet\n');
    return 2;
  },
};

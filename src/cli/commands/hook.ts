import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const hookCommand: Command = {
  name: 'hook',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: hook is not implemented yet\n');
    return 2;
  },
};

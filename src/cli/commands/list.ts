import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const listCommand: Command = {
  name: 'list',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: list is not implemented yet\n');
    return 2;
  },
};

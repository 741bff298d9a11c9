import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const branchCommand: Command = {
  name: 'branch',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: branch is not implemented yet\n');
    return 2;
  },
};

import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const checkCommitsCommand: Command = {
  name: 'check-commits',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: check-commits is not implemented yet\n');
    return 2;
  },
};

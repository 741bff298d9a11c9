import type { Command } from '../io';

// PLACEHOLDER: to be written by its owner. Not done.
export const linksCommand: Command = {
  name: 'links',
  summary: 'PLACEHOLDER',
  help: 'PLACEHOLDER\n',
  async run(_args, io) {
    io.stderr('okr: links is not implemented yet\n');
    return 2;
  },
};

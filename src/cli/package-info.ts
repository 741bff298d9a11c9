// What the CLI says about itself (`okr --version`, SARIF's tool), from package.json:
// a module of its own, as the whole of package.json (its editor contributions) comes
// with it, and a command bundled alone (`okr links`) has no use for it.

import packageJson from '../../package.json';

/** What the CLI says about itself, from package.json. */
export const PACKAGE: { version: string; homepage?: string } = {
  version: packageJson.version,
  // No public home yet: SARIF then carries the docs path relative to the repository root.
  homepage: repositoryHome((packageJson as { repository?: unknown }).repository),
};

function repositoryHome(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string' || !/^(git\+)?https?:\/\//.test(url)) return undefined;
  return url
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/$/, '');
}

// Every command OKR Lens contributes, in one place, so package.json, the code and the
// tests cannot drift apart (test/extension-unit/package-json.test.ts checks both ways).
export enum CommandId {
  Refresh = 'okr.refresh',
  RevealInFile = 'okr.revealInFile',
  ShowDoneItems = 'okr.showDoneItems',
  HideDoneItems = 'okr.hideDoneItems',
  ShowAlignment = 'okr.showAlignment',
  ShowFiles = 'okr.showFiles',
  CreateStarterFile = 'okr.createStarterFile',
  ShowRuleDocs = 'okr.showRuleDocs',
  FixAll = 'okr.fixAll',
  RevealKeyResult = 'okr.revealKeyResult',
  ShowCommit = 'okr.showCommit',
  TagCommit = 'okr.tagCommit',
  StartWork = 'okr.startWork',
  LinkBranch = 'okr.linkBranch',
  ShowUntaggedCommits = 'okr.showUntaggedCommits',
  InstallHooks = 'okr.installHooks',
  UninstallHooks = 'okr.uninstallHooks',
  OpenDashboard = 'okr.openDashboard',
  ExportReport = 'okr.exportReport',
  InstallCli = 'okr.installCli',
}

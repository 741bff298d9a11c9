// `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run.
// Each entry prints its own figures and returns whether its target was met.
import { benchGit } from './git';
import { benchHistory } from './history';
import { runLintBench } from './lint';
import { runManyFilesBench } from './many-files';
import { runReportBench } from './report';
import { benchScale } from './scale';
import { runCheckInBench } from './check-in';

const benchmarks: { name: string; run: () => Promise<boolean> }[] = [
  { name: 'lint', run: runLintBench },
  { name: 'many-files', run: runManyFilesBench },
  { name: 'git', run: benchGit },
  { name: 'history', run: benchHistory },
  { name: 'report', run: runReportBench },
  { name: 'scale', run: benchScale },
  { name: 'check-in', run: runCheckInBench },
];

async function main(): Promise<void> {
  const missed: string[] = [];
  // OKR_BENCH=scale,git runs just those.
  const only = process.env.OKR_BENCH?.split(',').map((n) => n.trim());
  for (const b of benchmarks) {
    if (only && !only.includes(b.name)) continue;
    if (!(await b.run())) missed.push(b.name);
    console.log('');
  }
  // A missed target is reported, not failed: speed on a shared machine is a signal, not a verdict.
  console.log(missed.length ? `Targets not met: ${missed.join(', ')}` : 'All benchmark targets met.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

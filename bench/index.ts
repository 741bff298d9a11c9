// `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run.
async function main(): Promise<void> {
  console.log('no benchmarks yet');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

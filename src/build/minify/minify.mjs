// The last step of every TeaVM-compiled JavaScript file that ships or is measured as shipped (app.js, the test
// probe, the engine-alone modules): terser, after TeaVM's own minifier. TeaVM names identifiers in the order it
// meets them and emits its code as written; terser gives the most used names the shortest spellings and folds
// what TeaVM leaves (single-use helpers, constant branches), about 9 % of the client's gzip (docs/benchmarks/size.md).
// Nothing changes what the code does: no unsafe transforms, no property renaming (browser APIs and JSO calls keep
// their names).
//
//   node minify.mjs [--module] [--when true|false] FILE...
//
// --module: the files are ES modules (their exports keep their names; top-level names are renamed).
// --when false: do nothing (the readable builds for profiles and bin/measure-size by-class pass their
// minifying property here).
// Installs terser (pinned in package-lock.json) next to this file on first use.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let module = false;
let when = 'true';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--module') module = true;
  else if (args[i] === '--when') when = args[++i];
  else files.push(args[i]);
}
if (when !== 'true' && when !== 'false') {
  console.error(`minify.mjs: --when takes true or false, got "${when}"`);
  process.exit(2);
}
if (when === 'false') process.exit(0);
if (files.length === 0) {
  console.error('minify.mjs: no file given');
  process.exit(2);
}

if (!existsSync(join(here, 'node_modules', 'terser'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}
const { minify } = await import(join(here, 'node_modules', 'terser', 'main.js'));

// V8's compile hint (pom.xml, compile-hint-app) is a comment: keep it if the file already has it.
const keptComment = /^# allFunctionsCalledOnLoad/;

for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const result = await minify(source, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: keptComment },
  });
  const tmp = `${file}.minify-tmp`;
  writeFileSync(tmp, result.code);
  renameSync(tmp, file);
  console.log(`minify.mjs: ${file}: ${source.length} -> ${result.code.length} characters`);
}

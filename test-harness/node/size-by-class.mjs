// Attributes the bytes of a TeaVM output compiled WITHOUT minifying (-Dclient.js.minifying=false or
// -Dengine.js.minifying=false) to the Java classes and packages they come from, so size work starts from what is big.
// Usage: node size-by-class.mjs FILE.js [CLASSES_DIR ...] [--top N] [--groups SHIPPED_GZIP]
// --groups: instead of packages and classes, prints the split of bin/measure-size split (engine, sync, transports,
// vault, crypto, json, ui, Flavour, QR, TeaVM and java.*): each group's non-minified bytes, what gzip -9 of the file
// loses without the group's declarations, and that loss scaled so the groups add up to SHIPPED_GZIP (the gzip of
// the minified build, measured): an attribution of a measured total, not a measurement of each part.
//   CLASSES_DIR: folders of .class files (e.g. target/classes) used to tell apart packages whose TeaVM prefixes
//   collide (org.vaultsync.crdt and org.vaultsync.crypto are both "ovc").
// TeaVM names every top-level declaration after its class ("ovce_Lib0Writer_writeAny" is a method of
// org.vaultsync.crdt.encoding.Lib0Writer); a line at column 0 starts a new declaration, and so does a
// "c = X.prototype" line of the closing prototype block. Shares are of the non-minified text: minifying shortens
// names everywhere alike, so they are a fair guide to the minified sizes, not an exact split of them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const args = process.argv.slice(2);
let top = 40;
const topAt = args.indexOf('--top');
if (topAt >= 0) {
  top = Number(args[topAt + 1]);
  args.splice(topAt, 2);
}
let shippedGzip = 0;
const groupsAt = args.indexOf('--groups');
if (groupsAt >= 0) {
  shippedGzip = Number(args[groupsAt + 1]);
  args.splice(groupsAt, 2);
}
const [file, ...classDirs] = args;
if (!file) {
  console.error('usage: node size-by-class.mjs FILE.js [CLASSES_DIR ...] [--top N]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');

// TeaVM's package prefix: first letter of each segment ("org.vaultsync.crdt.encoding" -> "ovce").
const prefixOf = pkg => pkg.split('.').map(s => s[0]).join('');
// Simple (outer) class name -> packages, from the .class files given, for prefixes shared by several packages.
const packagesByPrefixAndClass = new Map();
function walk(dir, root) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path, root);
    } else if (name.endsWith('.class')) {
      const rel = relative(root, path).split(sep);
      const outer = rel.pop().replace(/\.class$/, '').split('$')[0];
      const pkg = rel.join('.');
      packagesByPrefixAndClass.set(prefixOf(pkg) + '_' + outer, pkg);
    }
  }
}
for (const dir of classDirs) {
  walk(dir, dir);
}
// TeaVM's own package list (the $rt_packages call) names the packages of everything else.
const packagesByPrefix = new Map();
const packagesCall = text.match(/\$rt_packages\(\[([^\]]*)\]/);
if (packagesCall) {
  const items = packagesCall[1].split(',').map(s => s.trim());
  const names = [];
  for (let i = 0; i < items.length; i += 2) {
    const parent = Number(items[i]);
    const name = JSON.parse(items[i + 1]);
    names.push(parent < 0 ? name : names[parent] + '.' + name);
  }
  for (const pkg of names) {
    const prefix = prefixOf(pkg);
    const known = packagesByPrefix.get(prefix);
    packagesByPrefix.set(prefix, known && known !== pkg ? known + ' | ' + pkg : pkg);
  }
}

function ownerOf(identifier) {
  if (/^(\$rt_|\$dbg|Long_|\$java|\$thread|\$rt$)/.test(identifier) || !identifier.includes('_')) {
    return { pkg: '(TeaVM runtime)', cls: '(TeaVM runtime)' };
  }
  const underscore = identifier.indexOf('_');
  const prefix = identifier.slice(0, underscore);
  const rest = identifier.slice(underscore + 1);
  const outer = rest.split(/[_$]/)[0];
  const cls = prefix + '_' + rest.split('_')[0];
  const pkg = packagesByPrefixAndClass.get(prefix + '_' + outer) ?? packagesByPrefix.get(prefix) ?? prefix;
  return { pkg, cls: pkg + '.' + rest.split('_')[0] };
}

// The groups of bin/measure-size split, first match wins. Flavour's generated proxies of java.util.function
// interfaces (juf.Supplier$proxy$4 ...) are template code; the interfaces themselves are the class library.
const GROUPS = [
  ['engine (crdt)', c => c.startsWith('org.vaultsync.crdt')],
  ['sync, protocol, presence, room, common',
    c => /^org\.vaultsync\.(sync|protocol|presence|room|common)[.]/.test(c)],
  ['browser transports and storage (browser)', c => c.startsWith('org.vaultsync.browser.')],
  ['vault', c => c.startsWith('org.vaultsync.vault.')],
  ['crypto', c => c.startsWith('org.vaultsync.crypto.')],
  ['json', c => c.startsWith('org.vaultsync.json.')],
  ['ui Java code (ui, ui.bind)', c => c.startsWith('org.vaultsync.ui')],
  ['Flavour runtime and generated template code', c => c.startsWith('org.teavm.flavour') || /\$proxy\$/.test(c)],
  ['QR encoder (Nayuki, screens only)', c => c.startsWith('inq.')],
  ['measuring harness (bench.js)', c => c.startsWith('org.vaultsync.bench')],
  ['TeaVM runtime, JSO and java.* class library', () => true],
];
const groupOf = cls => GROUPS.find(([, test]) => test(cls))[0];
const linesByGroup = new Map(GROUPS.map(([name]) => [name, []]));

const byPackage = new Map();
const byClass = new Map();
let owner = { pkg: '(TeaVM runtime)', cls: '(TeaVM runtime)' };
for (const line of text.split('\n')) {
  let m = line.match(/^(?:function |let |const |\$rt_metadata\(\[)?([A-Za-z_$][\w$]*)/);
  if (m && !/^(return|if|for|while|else|try|catch|var)$/.test(m[1]) && !/^[\])}]/.test(line)) {
    owner = ownerOf(m[1]);
  } else if ((m = line.match(/^\s+c = ([\w$]+)\.prototype/))) {
    owner = ownerOf(m[1]);
  }
  const bytes = Buffer.byteLength(line.trimStart()) + 1; // indentation is not in the minified output
  byPackage.set(owner.pkg, (byPackage.get(owner.pkg) ?? 0) + bytes);
  byClass.set(owner.cls, (byClass.get(owner.cls) ?? 0) + bytes);
  linesByGroup.get(groupOf(owner.cls)).push(line.trimStart());
}

if (shippedGzip) {
  const { gzipSync } = await import('node:zlib');
  const gz = lines => gzipSync(lines.join('\n'), { level: 9 }).length;
  const all = [...linesByGroup.values()].flat();
  const whole = gz(all);
  const rows = [];
  for (const [name, lines] of linesByGroup) {
    if (lines.length === 0) continue;
    const without = gz([...linesByGroup].filter(([other]) => other !== name).flatMap(([, l]) => l));
    rows.push({ name, raw: lines.reduce((a, l) => a + Buffer.byteLength(l) + 1, 0), loss: whole - without });
  }
  const lossSum = rows.reduce((a, r) => a + r.loss, 0);
  console.log(`${file}: ${all.reduce((a, l) => a + Buffer.byteLength(l) + 1, 0)} bytes not minified, gzip -9 ${whole};` +
    ` shipped (minified) gzip -9 ${shippedGzip}`);
  console.log('  non-minified   gzip loss without it   share   ~shipped gzip  group');
  for (const r of rows.sort((a, b) => b.loss - a.loss)) {
    const share = r.loss / lossSum;
    console.log(`${String(r.raw).padStart(14)} ${String(r.loss).padStart(22)} ${(100 * share).toFixed(1).padStart(6)} %` +
      ` ${String(Math.round(share * shippedGzip)).padStart(15)}  ${r.name}`);
  }
  process.exit(0);
}

const total = [...byPackage.values()].reduce((a, b) => a + b, 0);
const show = (title, map, limit) => {
  console.log(`\n${title}`);
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [name, bytes] of rows) {
    console.log(`${(100 * bytes / total).toFixed(1).padStart(6)} % ${String(bytes).padStart(9)}  ${name}`);
  }
};
console.log(`${file}: ${total} bytes (not minified, without indentation)`);
show('by package', byPackage, 1000);
show(`by class (top ${top})`, byClass, top);

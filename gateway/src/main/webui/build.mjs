// Builds the analyst UI into the gateway's static resources. Run by Maven (exec-maven-plugin) in
// generate-resources with the machine's node: `node build.mjs <output dir>`.
//
// 1. Installs the locked npm packages (npm ci) when node_modules is missing or older than package-lock.json,
//    so a clean clone needs nothing but `mvn package` and a repeated build skips the install.
// 2. Bundles src/main.js (with d3-force from npm) and src/styles.css with esbuild, minified, into files named by
//    their content hash, and writes index.html pointing at them (no inline script or style: the CSP forbids both).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
const started = Date.now();

function installIfNeeded() {
  const lock = path.join(here, 'package-lock.json');
  const installed = path.join(here, 'node_modules', '.package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) {
    return;
  }
  console.log('[webui] npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

async function bundle() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, minify: true, write: false, logLevel: 'warning', legalComments: 'none' };
  const [js, css] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(here, 'src', 'main.js')], format: 'esm', target: 'es2020', sourcemap: false }),
    esbuild.build({ ...common, entryPoints: [path.join(here, 'src', 'styles.css')], target: 'chrome100' }),
  ]);
  return { js: js.outputFiles[0].contents, css: css.outputFiles[0].contents };
}

function hashed(name, ext, contents) {
  return `${name}-${createHash('sha256').update(contents).digest('hex').slice(0, 12)}.${ext}`;
}

installIfNeeded();
const { js, css } = await bundle();
fs.mkdirSync(out, { recursive: true });
for (const old of fs.readdirSync(out)) {
  if (/^app-[0-9a-f]{12}\.(js|css)$/.test(old)) {
    fs.rmSync(path.join(out, old));
  }
}
const jsName = hashed('app', 'js', js);
const cssName = hashed('app', 'css', css);
fs.writeFileSync(path.join(out, jsName), js);
fs.writeFileSync(path.join(out, cssName), css);
const html = fs.readFileSync(path.join(here, 'index.html'), 'utf8')
  .replace('%APP_JS%', jsName)
  .replace('%APP_CSS%', cssName);
fs.writeFileSync(path.join(out, 'index.html'), html);
fs.copyFileSync(path.join(here, 'favicon.svg'), path.join(out, 'favicon.svg'));
console.log(`[webui] ${jsName} ${(js.length / 1024).toFixed(1)} KiB, ${cssName} ${(css.length / 1024).toFixed(1)} KiB `
  + `in ${Date.now() - started} ms -> ${out}`);

// Bundles the browser code (src/main/js) into the files the pages load, at the URLs they always had:
// widget/parley.js (the embed snippet), moderate/moderate.js (the console), demo/demo.js (the demo page).
// Minified, as classic scripts (IIFE: the widget relies on document.currentScript), with source maps.
// Run by the Maven build (web/pom.xml) through `npm run build`; output in target/frontend, added to the WAR.
import { build } from 'esbuild';

const outdir = process.argv[2] || 'target/frontend';

await build({
  entryPoints: {
    'widget/parley': 'src/main/js/widget/main.js',
    'moderate/moderate': 'src/main/js/moderate/main.js',
    'demo/demo': 'src/main/js/demo/main.js',
  },
  outdir,
  bundle: true,
  format: 'iife',
  minify: true,
  sourcemap: true,
  target: ['es2022'],
  legalComments: 'eof',
  logLevel: 'warning',
});

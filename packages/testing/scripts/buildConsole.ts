/**
 * The console page as one HTML string: src/console/page/main.ts bundled and minified by esbuild, and
 * console.css, inlined into console.html. Nothing is fetched at run time (no CDN, no web font).
 */
import { readFile } from 'node:fs/promises';
import { build, transform } from 'esbuild';

const PAGE = new URL('../src/console/page/', import.meta.url);

export async function buildConsoleHtml(): Promise<string> {
  const bundled = await build({
    entryPoints: [new URL('main.ts', PAGE).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  });
  const css = await transform(await readFile(new URL('console.css', PAGE), 'utf8'), {
    loader: 'css',
    minify: true,
  });
  const html = await readFile(new URL('console.html', PAGE), 'utf8');
  // `</` inside the script or style would end its element early.
  const js = bundled.outputFiles[0]!.text.trim().replaceAll('</', '<\\/');
  return html.replace('/*CSS*/', () => css.code.trim().replaceAll('</', '<\\/')).replace('/*JS*/', () => js);
}

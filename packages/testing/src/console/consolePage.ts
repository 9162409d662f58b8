import { CONSOLE_HTML } from './assets.gen.js';

/** The console's HTML (script and style inlined), served at `/__aopkit/console`. */
export function consolePage(): string {
  return CONSOLE_HTML;
}

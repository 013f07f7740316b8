import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A fresh, mutable copy of a JSON fixture beside this file. */
export function loadFixture(name: string): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8'));
}

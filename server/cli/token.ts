// npm run token -- --name <name> --profile leader|operator [--tokens <file>]
// Prints a new token once and appends its hash to the tokens file (default as the server reads
// it, see config.ts). The server reads the file at start-up: restart it to use the new token.

import { ConfigError, parseFlags, readConfig } from '../config.ts';
import { addToken } from '../http/token-file.ts';

const argv = process.argv.slice(2);
const { flags } = parseFlags(argv, ['name', 'profile']);
const name = flags.get('name');
const profile = flags.get('profile');
// readConfig takes the same --tokens/--data flags and env as the server, so both find one file.
const file = readConfig(argv, process.env).tokensFile;
if (typeof name !== 'string' || (profile !== 'leader' && profile !== 'operator') || !file) {
  console.error('usage: npm run token -- --name <name> --profile leader|operator [--tokens <file>]');
  process.exit(2);
}
try {
  const token = addToken(file, name, profile);
  console.log(`${profile} token "${name}" (shown once; only its hash is kept in ${file}):\n\n  ${token}\n`);
  console.log('Restart the server to use it. On a wall or tablet: open /login and paste it.');
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`vanguard: ${err.message}`);
  process.exit(2);
}

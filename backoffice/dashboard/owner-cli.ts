import { createInterface } from 'node:readline/promises';
import { DEFAULT_DATABASE } from '../host/cli-options';
import { openBackOfficeDatabase } from '../store/open-database';
import { dashboardMigrations } from './migrations';
import { MIN_PASSWORD_LENGTH, OwnerStore } from './owners';

const USAGE = `npm run owner -- --login NAME [--database postgres://…|FILE]

Sets the password of the dashboard's owner NAME (adding the owner if new) and signs that
owner out everywhere: for a forgotten password or a second owner. Asks for the password.
--database is the back office's, as given to npm run host (default ${DEFAULT_DATABASE}).`;

/** `npm run owner`: an owner's password, set from the back office's own machine. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args[at + 1];
  };
  const login = value('--login');
  if (args.includes('--help') || login === undefined || login.trim() === '') {
    console.log(USAGE);
    process.exitCode = login === undefined && !args.includes('--help') ? 2 : 0;
    return;
  }
  const password = await readSecret(`New password for ${login}: `);
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password needs at least ${String(MIN_PASSWORD_LENGTH)} characters.`);
    process.exitCode = 1;
    return;
  }
  const db = await openBackOfficeDatabase(value('--database') ?? DEFAULT_DATABASE, {
    migrations: dashboardMigrations,
  });
  try {
    const outcome = await new OwnerStore(db, Date.now).setPassword(login, password);
    console.log(
      outcome === 'added'
        ? `Owner ${login} added: sign in at /dashboard/ with this password.`
        : `Password of ${login} changed; its sessions are signed out.`,
    );
  } finally {
    await db.close();
  }
}

/** A line from the terminal without echoing it (a pipe is read as is, for scripts). */
async function readSecret(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    const prompt = createInterface({ input: stdin, output: stdout, terminal: false });
    stdout.write(question);
    const line = await prompt.question('');
    prompt.close();
    return line;
  }
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') process.exit(130);
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stdout.write('\n');
          resolve(text);
          return;
        }
        text = char === '\u007f' ? text.slice(0, -1) : text + char;
      }
    };
    stdin.on('data', onData);
  });
}

void main();

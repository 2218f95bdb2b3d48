import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { satisfies } from '../../scripts/check-node.mjs';
import { PACKAGED_SQLITE } from './electron-app';

vi.mock('electron', () => import('./testing/fake-electron'));

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

async function builderConfig() {
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  // electron-builder's own schema check, as `npm run dist` runs it.
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it("loads and passes electron-builder's schema", async () => {
    const config = await builderConfig();
    expect(config.appId).toBe('org.countertop.pos');
    expect(config.extraMetadata).toEqual({ main: 'dist/main/electron-main.cjs' });
    expect(JSON.parse(read('package.json'))).toMatchObject({
      main: 'dist/main/electron-main.cjs',
    });
  });

  it('never rebuilds node_modules; ships better-sqlite3 for Electron where the app loads it', async () => {
    const config = await builderConfig();
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.extraResources).toEqual([
      { from: '.electron-native/better_sqlite3.node', to: PACKAGED_SQLITE },
    ]);
    expect(read('scripts/build-electron-sqlite.sh')).toContain('.electron-native/');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/build-electron-sqlite\.sh && electron-builder/);
  });

  it('packs the built app only, with native binaries outside the asar', async () => {
    const config = await builderConfig();
    // electron-builder reads the list as one file set.
    const [files, ...more] = config.files as { filter: string[] }[];
    expect(more).toEqual([]);
    expect(files?.filter).toEqual(
      expect.arrayContaining(['dist/**/*', 'package.json', '!**/*.map']),
    );
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // node-hid and serialport load N-API prebuilds for the platform they run on.
    expect(existsSync(join(root, 'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64'))).toBe(
      true,
    );
    expect(existsSync(join(root, 'node_modules/@serialport/bindings-cpp/prebuilds'))).toBe(true);
  });

  it('turns off running as Node and loading the app from outside the asar', async () => {
    const fuses = (await builderConfig()).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeCliInspectArguments: false,
    });
  });
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string): [number, number] => {
  const bytes = readFileSync(join(root, file));
  expect(bytes.subarray(1, 4).toString('ascii'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

describe('icons, author and licence', () => {
  it('has the Linux icon set and a 1024 px icon for Windows and macOS', async () => {
    const config = await builderConfig();
    expect(config.linux?.icon).toBe('icons');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
    expect(config.win?.icon).toBe('icon.png');
    expect(pngSize('build/icon.png')).toEqual([1024, 1024]);
  });

  it('names its author and ships the MIT licence package.json declares', () => {
    const pkg = JSON.parse(read('package.json')) as { author?: string; license?: string };
    expect(pkg.author).toBe('Countertop contributors');
    expect(pkg.license).toBe('MIT');
    const licence = read('LICENSE');
    expect(licence).toMatch(/^MIT License/);
    expect(licence).toContain('Countertop contributors');
  });
});

describe('the .deb', () => {
  it("keeps electron-builder's after-install steps and adds the device group", async () => {
    const deb = (await builderConfig()).deb;
    expect(deb?.afterInstall).toBe('build/linux/after-install.sh');
    const script = read('build/linux/after-install.sh');
    // Our script replaces the default one: its steps (the /usr/bin link, chrome-sandbox)
    // must stay. When electron-builder changes them, copy its template again.
    const template = read('node_modules/app-builder-lib/templates/linux/after-install.tpl');
    expect(script.startsWith(template)).toBe(true);
    expect(script).toContain('groupadd --system countertop');
    expect(script).toContain('usermod -aG countertop,dialout');
    // electron-builder expands ${name} as a macro and fails on names it does not know.
    const macros = [...script.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
    expect(new Set(macros)).toEqual(new Set(['executable', 'sanitizedProductName']));
  });

  it('installs the udev rules file where udev reads it', async () => {
    const fpm = (await builderConfig()).deb?.fpm;
    expect(fpm).toEqual([
      'build/linux/70-countertop.rules=/usr/lib/udev/rules.d/70-countertop.rules',
    ]);
    expect(existsSync(join(root, 'build/linux/70-countertop.rules'))).toBe(true);
  });
});

/**
 * The rule syntax of udev(7): comma-separated KEY op "value" pairs, match keys with == or
 * !=, assignments with =, +=, -= or :=. (`udevadm verify` arrived in systemd 253; Debian 12
 * has 252, so the file is checked here.)
 */
function lintUdevRules(text: string): string[] {
  const match = new Set(['ACTION', 'SUBSYSTEM', 'SUBSYSTEMS', 'KERNEL', 'DRIVERS', 'ATTRS']);
  const assign = new Set(['GROUP', 'MODE', 'OWNER', 'TAG', 'SYMLINK']);
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const pairs = line.split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    let matches = 0;
    let assignments = 0;
    for (const pair of pairs) {
      const parts = /^\s*([A-Z]+)(\{[\w.-]+\})?(==|!=|\+=|-=|:=|=)"([^"]*)"\s*$/.exec(pair);
      const [, key = '', , op = '', value = ''] = parts ?? [];
      const isMatch = op === '==' || op === '!=';
      if (!parts) problems.push(`line ${index + 1}: cannot read ${JSON.stringify(pair)}`);
      else if (isMatch ? !match.has(key) : !assign.has(key)) {
        problems.push(
          `line ${index + 1}: ${key} ${op} is not a ${isMatch ? 'match' : 'assignment'}`,
        );
      } else if (key === 'MODE' && !/^0[0-7]{3}$/.test(value)) {
        problems.push(`line ${index + 1}: MODE ${value} is not octal`);
      } else if (isMatch) matches += 1;
      else assignments += 1;
    }
    if (matches === 0 || assignments === 0) {
      problems.push(`line ${index + 1}: a rule needs a match and an assignment`);
    }
  });
  return problems;
}

describe('70-countertop.rules', () => {
  const rules = read('build/linux/70-countertop.rules');

  it('is valid udev rule syntax', () => {
    expect(lintUdevRules(rules)).toEqual([]);
  });

  it('the linter catches what udev would reject', () => {
    expect(lintUdevRules('SUBSYSTEM="hidraw", GROUP="countertop"')).not.toEqual([]);
    expect(lintUdevRules('SUBSYSTEM=="hidraw", GROUP=="countertop"')).not.toEqual([]);
    expect(lintUdevRules('SUBSYSTEM=="hidraw", MODE="666"')).not.toEqual([]);
    expect(lintUdevRules('SUBSYSTEM=="hidraw" GROUP="countertop"')).not.toEqual([]);
    expect(lintUdevRules('SUBSYSTEM=="hidraw"')).not.toEqual([]);
  });

  it('opens card readers and USB serial devices to the till user, before logind applies uaccess', () => {
    expect(rules).toMatch(
      /^SUBSYSTEM=="hidraw", GROUP="countertop", MODE="0660", TAG\+="uaccess"$/m,
    );
    expect(rules).toMatch(/KERNEL=="ttyUSB\[0-9\]\*", GROUP="dialout", MODE="0660"/);
    expect(rules).toMatch(/KERNEL=="ttyACM\[0-9\]\*", GROUP="dialout", MODE="0660"/);
    // systemd applies uaccess in 73-seat-late.rules: a tag must be set by an earlier file.
    expect(Number('70-countertop.rules'.slice(0, 2))).toBeLessThan(73);
  });
});

describe('engines', () => {
  const range = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

  it('asks for the Node that Vite 8, ESLint 10 and zlib.crc32 need', () => {
    for (const tooOld of ['18.20.4', '20.11.1', '20.18.3', '21.7.3', '22.12.0', '23.11.0']) {
      expect(satisfies(tooOld, range), tooOld).toBe(false);
    }
    for (const enough of ['20.19.0', '20.20.2', '22.13.0', '24.0.0', '25.1.0']) {
      expect(satisfies(enough, range), enough).toBe(true);
    }
    const vite = JSON.parse(read('node_modules/vite/package.json')) as {
      engines: { node: string };
    };
    expect(vite.engines.node).toBe('^20.19.0 || >=22.12.0');
  });

  it('is what this Node has (the tests run on it)', () => {
    expect(satisfies(process.versions.node, range)).toBe(true);
  });
});

import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE.TXT 6.3.10): local file headers, the central
 * directory and its end record; deflate (method 8) or stored (0), whichever is smaller.
 * No ZIP64, encryption or data descriptors: a support bundle is a few megabytes.
 */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated; stored as UTF-8 (general purpose bit 11). */
  name: string;
  data: Uint8Array | string;
  /** Modification time (local time, as DOS stores it); default now. */
  modified?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate. */
const VERSION = 20;
/** Made by UNIX (3), so unzip applies the permissions in the external attributes. */
const MADE_BY_UNIX = (3 << 8) | VERSION;
const UTF8_NAMES = 1 << 11;
const STORED = 0;
const DEFLATED = 8;
/** -rw-r--r-- regular file, in the high 16 bits of the external attributes. */
const FILE_MODE = 0o100644;
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

export function createZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_UINT16) throw new RangeError(`ZIP: ${entries.length} entries`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(checkName(entry.name), 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const deflated = deflateRawSync(data);
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;
    const { time, date } = dosDateTime(entry.modified ?? new Date());
    const fields = {
      method,
      time,
      date,
      crc: crc32(data),
      compressed: body.length,
      size: data.length,
      nameLength: name.length,
    };
    if (offset + 30 + name.length + body.length > MAX_UINT32) {
      throw new RangeError('ZIP: archive over 4 GiB needs ZIP64');
    }
    central.push(Buffer.concat([centralHeader(fields, offset), name]));
    const local = Buffer.concat([localHeader(fields), name, body]);
    parts.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

interface HeaderFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** APPNOTE 4.3.7 local file header, 30 bytes before the name. */
function localHeader(f: HeaderFields): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(LOCAL_HEADER, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(UTF8_NAMES, 6);
  b.writeUInt16LE(f.method, 8);
  b.writeUInt16LE(f.time, 10);
  b.writeUInt16LE(f.date, 12);
  b.writeUInt32LE(f.crc, 14);
  b.writeUInt32LE(f.compressed, 18);
  b.writeUInt32LE(f.size, 22);
  b.writeUInt16LE(f.nameLength, 26);
  b.writeUInt16LE(0, 28); // extra field length
  return b;
}

/** APPNOTE 4.3.12 central directory file header, 46 bytes before the name. */
function centralHeader(f: HeaderFields, localOffset: number): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(CENTRAL_HEADER, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(UTF8_NAMES, 8);
  b.writeUInt16LE(f.method, 10);
  b.writeUInt16LE(f.time, 12);
  b.writeUInt16LE(f.date, 14);
  b.writeUInt32LE(f.crc, 16);
  b.writeUInt32LE(f.compressed, 20);
  b.writeUInt32LE(f.size, 24);
  b.writeUInt16LE(f.nameLength, 28);
  // Extra field, comment, disk number and internal attributes (30–37) stay zero.
  b.writeUInt32LE(FILE_MODE * 0x10000, 38);
  b.writeUInt32LE(localOffset, 42);
  return b;
}

/** MS-DOS date and time (APPNOTE 4.4.6): 2-second resolution, years 1980–2107. */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** Relative, `/`-separated, no `..`: what any unzip extracts inside its target folder. */
function checkName(name: string): string {
  const bad =
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').some((part) => part === '..' || part === '');
  if (bad || Buffer.byteLength(name) > MAX_UINT16) {
    throw new RangeError(`ZIP: bad entry name ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * A small ZIP writer (PKWARE APPNOTE.TXT 6.3, §4.3: local headers, the central directory, its end
 * record) whose entries arrive already compressed, or stored: the constant parts of a .docx are
 * deflated once and reused, and a bundle stores its .docx files rather than compressing them twice.
 * Names are UTF-8 (general purpose flag bit 11); no ZIP64, no encryption, no comments.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated (§4.4.5). */
  readonly method: 0 | 8;
  /** The CRC-32 and length of the uncompressed bytes. */
  readonly crc: number;
  readonly size: number;
  /** The bytes as written: deflated (raw DEFLATE, RFC 1951) or stored. */
  readonly data: Buffer;
}

/** An entry deflated now; `level` trades size for time (zlib's 1 to 9; 1, the fastest, by default). */
export function deflatedEntry(name: string, content: Buffer | string, level = 1): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    method: 8,
    crc: zlib.crc32(bytes),
    size: bytes.length,
    data: zlib.deflateRawSync(bytes, { level }),
  };
}

/** An entry stored as it is (a .docx in a bundle: already compressed). */
export function storedEntry(name: string, content: Buffer | string): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, method: 0, crc: zlib.crc32(bytes), size: bytes.length, data: bytes };
}

/** MS-DOS time and date (§4.4.6), in UTC. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
/** Version 2.0: deflate (§4.4.3). The high byte of "made by": 3, UNIX, so that the modes below apply. */
const VERSION = 20;
const MADE_BY = (3 << 8) | VERSION;
/** A regular file, rw-r--r-- (external attributes on UNIX, high 16 bits). */
const FILE_MODE = (0o100644 << 16) >>> 0;

/** The ZIP file of `entries`, in their order, each dated `modified`. */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, entry.data);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal attributes: none.
    header.writeUInt32LE(FILE_MODE, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

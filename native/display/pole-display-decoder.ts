import { BS, CAN, CLR, CR, ESC, HOM, HT, LF, US } from './epson-display-commands';
import type { PoleScreen } from './pole-screens';
import { POLE_COLUMNS } from './pole-screens';

/**
 * What a 2×20 display in Epson mode shows after a byte stream: the model the simulator
 * prints and tests compare. Pure and total: whatever bytes come, in whatever chunks, leave a valid state.
 * Cursor and scroll behaviour follows the command descriptions of DM-D-compatible manuals:
 * overwrite mode wraps bottom-right to home, vertical scroll mode scrolls the top line away,
 * horizontal scroll mode shifts the cursor line left once it is full.
 */
export type DisplayMode = 'overwrite' | 'vertical-scroll' | 'horizontal-scroll';

export interface PoleDisplayState {
  screen: PoleScreen;
  /** 1-based, as US $ counts. */
  cursor: { column: number; row: 1 | 2 };
  mode: DisplayMode;
  brightness: 1 | 2 | 3 | 4;
  cursorVisible: boolean;
  /** US E n: blink period in 50 ms units, 0 = steady. */
  blink: number;
  reverse: boolean;
  /** Commands and control bytes this model does not know (they are skipped). */
  unknownCommands: number;
}

/** Parameter bytes after ESC x; a missing entry is unknown (no parameters assumed). */
const escParameters: ReadonlyMap<number, number> = new Map([
  [0x40, 0], // ESC @ initialize
  [0x74, 1], // ESC t n character table
  [0x52, 1], // ESC R n international set
  [0x3d, 1], // ESC = n select peripheral
  [0x3f, 1], // ESC ? n cancel user-defined character
  [0x25, 1], // ESC % n user-defined set on/off
  [0x57, 6], // ESC W n s x1 y1 x2 y2 window
]);

/** Parameter bytes after US x. */
const usParameters: ReadonlyMap<number, number> = new Map([
  [0x01, 0], // US MD1 overwrite
  [0x02, 0], // US MD2 vertical scroll
  [0x03, 0], // US MD3 horizontal scroll
  [0x0a, 0], // US LF cursor up
  [0x0d, 0], // US CR cursor to right end
  [0x42, 0], // US B cursor to bottom line
  [0x24, 2], // US $ x y cursor position
  [0x43, 1], // US C n cursor on/off
  [0x45, 1], // US E n blink
  [0x58, 1], // US X n brightness
  [0x72, 1], // US r n reverse
  [0x2e, 1], // US . n character with period
  [0x2c, 1], // US , n character with comma
  [0x3b, 1], // US ; n character with semicolon
  [0x23, 2], // US # n m annunciator
  [0x40, 0], // US @ self-test
  [0x54, 2], // US T h m set time
  [0x55, 0], // US U show time
  [0x76, 1], // US v n DTR
  [0x3a, 0], // US : macro start/end
  [0x5e, 2], // US ^ n m run macro
]);

const blankLine = (): string[] => Array<string>(POLE_COLUMNS).fill(' ');

export class PoleDisplayDecoder {
  private cells: [string[], string[]] = [blankLine(), blankLine()];
  private column = 1;
  private row: 1 | 2 = 1;
  private mode: DisplayMode = 'overwrite';
  private level: 1 | 2 | 3 | 4 = 4;
  private showCursor = false;
  private blink = 0;
  private reverse = false;
  private unknown = 0;
  /** Horizontal scroll: the cursor line is full, the next character shifts it. */
  private lineFull = false;
  /** The bytes of a command still waiting for its parameters. */
  private pending: number[] = [];

  push(bytes: Uint8Array): void {
    for (const byte of bytes) this.take(byte);
  }

  get screen(): PoleScreen {
    return [this.cells[0].join(''), this.cells[1].join('')];
  }

  get state(): PoleDisplayState {
    return {
      screen: this.screen,
      cursor: { column: this.column, row: this.row },
      mode: this.mode,
      brightness: this.level,
      cursorVisible: this.showCursor,
      blink: this.blink,
      reverse: this.reverse,
      unknownCommands: this.unknown,
    };
  }

  private take(byte: number): void {
    if (this.pending.length === 0) {
      if (byte === ESC || byte === US) this.pending.push(byte);
      else this.single(byte);
      return;
    }
    this.pending.push(byte);
    const [prefix, command] = this.pending as [number, number];
    const table = prefix === ESC ? escParameters : usParameters;
    const parameters = table.get(command);
    if (parameters === undefined) {
      this.unknown += 1;
      this.pending = [];
      return;
    }
    if (this.pending.length < 2 + parameters) return;
    const args = this.pending.slice(2);
    this.pending = [];
    if (prefix === ESC) this.esc(command);
    else this.us(command, args);
  }

  private single(byte: number): void {
    switch (byte) {
      case BS:
        return this.left();
      case HT:
        return this.advance();
      case LF:
        return this.down();
      case HOM:
        return this.moveTo(1, 1);
      case CLR:
        this.cells = [blankLine(), blankLine()];
        return this.moveTo(1, 1);
      case CR:
        return this.moveTo(1, this.row);
      case CAN:
        this.cells = this.row === 1 ? [blankLine(), this.cells[1]] : [this.cells[0], blankLine()];
        return this.moveTo(1, this.row);
      default:
        if (byte < 0x20) this.unknown += 1;
        else this.write(String.fromCharCode(byte));
    }
  }

  private esc(command: number): void {
    // Only ESC @ changes what is shown; ESC t/R/=/?/%/W are accepted and have no effect here.
    if (command !== 0x40) return;
    this.cells = [blankLine(), blankLine()];
    this.moveTo(1, 1);
    this.mode = 'overwrite';
    this.level = 4;
    this.showCursor = false;
    this.blink = 0;
    this.reverse = false;
  }

  private us(command: number, args: number[]): void {
    const [n = 0, m = 0] = args;
    switch (command) {
      case 0x01:
        this.mode = 'overwrite';
        return;
      case 0x02:
        this.mode = 'vertical-scroll';
        return;
      case 0x03:
        this.mode = 'horizontal-scroll';
        return;
      case 0x0a:
        return this.up();
      case 0x0d:
        return this.moveTo(POLE_COLUMNS, this.row);
      case 0x42:
        return this.moveTo(1, 2);
      case 0x24:
        // Out of range: the command is ignored, as the manuals say.
        if (n >= 1 && n <= POLE_COLUMNS && (m === 1 || m === 2)) this.moveTo(n, m);
        return;
      case 0x43:
        this.showCursor = (n & 1) === 1;
        return;
      case 0x45:
        this.blink = n;
        return;
      case 0x58:
        if (n === 1 || n === 2 || n === 3 || n === 4) this.level = n;
        return;
      case 0x72:
        this.reverse = (n & 1) === 1;
        return;
      case 0x2e:
      case 0x2c:
      case 0x3b:
        // The character shares its cell with a period or comma; the model keeps the character.
        if (n >= 0x20) this.write(String.fromCharCode(n));
        return;
      default:
        return;
    }
  }

  private write(char: string): void {
    if (this.mode === 'horizontal-scroll' && this.lineFull) {
      const line = this.cursorLine();
      line.shift();
      line.push(' ');
    }
    this.cursorLine()[this.column - 1] = char;
    this.advance();
  }

  /** One cell right; past the last cell the mode decides. */
  private advance(): void {
    if (this.column < POLE_COLUMNS) {
      this.column += 1;
      return;
    }
    if (this.mode === 'horizontal-scroll') {
      this.lineFull = true;
      return;
    }
    if (this.row === 1) this.moveTo(1, 2);
    else if (this.mode === 'overwrite') this.moveTo(1, 1);
    else {
      this.scrollUp();
      this.moveTo(1, 2);
    }
  }

  private left(): void {
    if (this.column > 1) this.moveTo(this.column - 1, this.row);
    else if (this.row === 2) this.moveTo(POLE_COLUMNS, 1);
    else if (this.mode === 'overwrite') this.moveTo(POLE_COLUMNS, 2);
  }

  private down(): void {
    if (this.row === 1) this.moveTo(this.column, 2);
    else if (this.mode === 'overwrite') this.moveTo(this.column, 1);
    else if (this.mode === 'vertical-scroll') this.scrollUp();
  }

  private up(): void {
    if (this.row === 2) this.moveTo(this.column, 1);
    else if (this.mode === 'overwrite') this.moveTo(this.column, 2);
    else if (this.mode === 'vertical-scroll') this.cells = [blankLine(), this.cells[0]];
  }

  private cursorLine(): string[] {
    return this.row === 1 ? this.cells[0] : this.cells[1];
  }

  private scrollUp(): void {
    this.cells = [this.cells[1], blankLine()];
  }

  private moveTo(column: number, row: 1 | 2): void {
    this.column = column;
    this.row = row;
    this.lineFull = false;
  }
}

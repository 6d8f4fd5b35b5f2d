/** A label's place: its anchor point and which end of the text is there. */
export interface LabelPlace {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** The grid's cells, in chart units: a place is checked against the boxes in the cells it covers, so each check costs about the same. */
const CELL_WIDTH = 40;
const CELL_HEIGHT = 12;
/** The chart's 11px text: an average character's width, and a line's height. */
const CHAR_WIDTH = 6.5;
const LINE_HEIGHT = 12;
/** Beside the point, then above and below it on either side. */
const OFFSETS: readonly [number, number, 'start' | 'end'][] = [
  [9, 0, 'start'],
  [-9, 0, 'end'],
  [7, -LINE_HEIGHT, 'start'],
  [7, LINE_HEIGHT, 'start'],
  [-7, -LINE_HEIGHT, 'end'],
  [-7, LINE_HEIGHT, 'end'],
];

/**
 * Where the labels of a chart's points go without covering each other or a point: each label takes the first free place
 * beside its point, or none when all are taken (the point keeps its hover title, and the chart's table names it).
 */
export class LabelPlaces {
  private readonly columns: number;
  /** The boxes taken, in each cell they cover. */
  private readonly taken = new Map<number, Box[]>();
  private readonly points = new Set<string>();

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.columns = Math.ceil(width / CELL_WIDTH);
  }

  /**
   * A point's marker, which no label may cover. A point drawn where another already is adds nothing: the boxes in a
   * cell stay few however many products share a place (the scatter's values are whole percents), so placing is linear.
   */
  markPoint(x: number, y: number, radius: number): void {
    const key = `${x},${y}`;
    if (this.points.has(key)) return;
    this.points.add(key);
    this.mark([x - radius, y - radius, x + radius, y + radius]);
  }

  /** The first free place for a label of `chars` characters beside the point at (x, y), now taken; undefined when none is. */
  place(x: number, y: number, chars: number): LabelPlace | undefined {
    const width = chars * CHAR_WIDTH;
    for (const [dx, dy, anchor] of OFFSETS) {
      const left = anchor === 'start' ? x + dx : x + dx - width;
      const box: Box = [left, y + dy - LINE_HEIGHT / 2, left + width, y + dy + LINE_HEIGHT / 2];
      if (box[0] < 0 || box[1] < 0 || box[2] > this.width || box[3] > this.height || !this.free(box)) continue;
      this.mark(box);
      return { x: x + dx, y: y + dy, anchor };
    }
    return undefined;
  }

  private cells([x0, y0, x1, y1]: Box): number[] {
    const cells: number[] = [];
    for (let row = Math.floor(y0 / CELL_HEIGHT); row <= Math.floor(y1 / CELL_HEIGHT); row++) {
      for (let column = Math.floor(x0 / CELL_WIDTH); column <= Math.floor(x1 / CELL_WIDTH); column++) {
        cells.push(row * this.columns + column);
      }
    }
    return cells;
  }

  private free(box: Box): boolean {
    return this.cells(box).every((cell) => !this.taken.get(cell)?.some((other) => overlap(box, other)));
  }

  private mark(box: Box): void {
    for (const cell of this.cells(box)) {
      const boxes = this.taken.get(cell);
      if (boxes) boxes.push(box);
      else this.taken.set(cell, [box]);
    }
  }
}

/** Left, top, right, bottom. */
type Box = readonly [number, number, number, number];

/** Boxes that only touch do not overlap. */
function overlap(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

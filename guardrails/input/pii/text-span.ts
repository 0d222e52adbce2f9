/** A stretch of a text in UTF-16 code units, `end` exclusive, as `String.prototype.slice` takes it. */
export interface TextSpan {
  start: number;
  end: number;
}

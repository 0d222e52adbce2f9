/** A parser returned, but broke a promise its contract makes (a verified token rejected, a field of the wrong type). */
export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
}

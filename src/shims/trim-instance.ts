/**
 * Stands in for @babel/runtime-corejs3/core-js/instance/trim, which mimetext imports and which pulls
 * 130 KB of core-js into the Apps Script bundle. Babel calls it as `trim(x).call(x)`; every runtime this
 * code meets (Apps Script V8, Node 20, current browsers) has String.prototype.trim.
 */
export default function trimInstance(it: string): () => string {
  return it.trim;
}

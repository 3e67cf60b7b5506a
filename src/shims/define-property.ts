/**
 * Stands in for @babel/runtime-corejs3/helpers/esm/defineProperty (imported by mimetext), whose
 * core-js-pure dependencies would add 130 KB to the Apps Script bundle. Same behaviour, native
 * Object.defineProperty, which every runtime here has.
 */
export default function defineProperty<T extends object>(obj: T, key: PropertyKey, value: unknown): T {
  const k = typeof key === 'symbol' ? key : String(key);
  if (k in obj) Object.defineProperty(obj, k, { value, enumerable: true, configurable: true, writable: true });
  else (obj as Record<PropertyKey, unknown>)[k] = value;
  return obj;
}

/** One setting of a Footprint installation: a key and a JSON value. */
export interface Setting {
  key: string;
  value: unknown;
  updatedAt: Date;
}

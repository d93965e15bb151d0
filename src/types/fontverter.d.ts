/** fontverter (papandreou), the converter subset-font makes its WOFF2 with; it ships no types. */
declare module 'fontverter' {
  export function convert(font: Buffer, toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2', fromFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
}

import JSZip from 'jszip';

/**
 * The same archive with every entry dated `date`. exceljs stamps each entry of the .xlsx (a zip) with the time it
 * was written and offers no way to choose it, so the archive is read back and written again, entries in the same
 * order and still compressed as they were: only the dates change, and the same workbook gives the same bytes.
 */
export async function withFixedEntryDates(archive: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(archive);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

/**
 * The 32 Scottish councils: LGBF spelling, ONS spelling, council area code, and the LGBF family group
 * for children's services (by deprivation: 1 least deprived … 4 most deprived). From the LGBF councils table.
 * `councilName` is the council's own name, as its papers are headed: "The Council" with the name of its area
 * (Local Government etc. (Scotland) Act 1994, s. 2 and Schedule 1, "The" left off as councils do), and the
 * Western Isles' Gaelic name, Comhairle nan Eilean Siar (Local Government (Gaelic Names) (Scotland) Act 1997).
 */
import type { Council } from './types.js';

export const councils: readonly Council[] = [
  { name: 'Aberdeen City', onsName: 'Aberdeen City', councilName: 'Aberdeen City Council', code: 'S12000033', childrenFamilyGroup: 1 },
  { name: 'Aberdeenshire', onsName: 'Aberdeenshire', councilName: 'Aberdeenshire Council', code: 'S12000034', childrenFamilyGroup: 1 },
  { name: 'Angus', onsName: 'Angus', councilName: 'Angus Council', code: 'S12000041', childrenFamilyGroup: 2 },
  { name: 'Argyll & Bute', onsName: 'Argyll & Bute', councilName: 'Argyll and Bute Council', code: 'S12000035', childrenFamilyGroup: 2 },
  { name: 'Clackmannanshire', onsName: 'Clackmannanshire', councilName: 'Clackmannanshire Council', code: 'S12000005', childrenFamilyGroup: 3 },
  { name: 'Dumfries & Galloway', onsName: 'Dumfries & Galloway', councilName: 'Dumfries and Galloway Council', code: 'S12000006', childrenFamilyGroup: 3 },
  { name: 'Dundee City', onsName: 'Dundee City', councilName: 'Dundee City Council', code: 'S12000042', childrenFamilyGroup: 4 },
  { name: 'East Ayrshire', onsName: 'East Ayrshire', councilName: 'East Ayrshire Council', code: 'S12000008', childrenFamilyGroup: 4 },
  { name: 'East Dunbartonshire', onsName: 'East Dunbartonshire', councilName: 'East Dunbartonshire Council', code: 'S12000045', childrenFamilyGroup: 1 },
  { name: 'East Lothian', onsName: 'East Lothian', councilName: 'East Lothian Council', code: 'S12000010', childrenFamilyGroup: 2 },
  { name: 'East Renfrewshire', onsName: 'East Renfrewshire', councilName: 'East Renfrewshire Council', code: 'S12000011', childrenFamilyGroup: 1 },
  { name: 'Edinburgh City', onsName: 'City of Edinburgh', councilName: 'City of Edinburgh Council', code: 'S12000036', childrenFamilyGroup: 1 },
  { name: 'Eilean Siar', onsName: 'Na h-Eileanan Siar', councilName: 'Comhairle nan Eilean Siar', code: 'S12000013', childrenFamilyGroup: 4 },
  { name: 'Falkirk', onsName: 'Falkirk', councilName: 'Falkirk Council', code: 'S12000014', childrenFamilyGroup: 3 },
  { name: 'Fife', onsName: 'Fife', councilName: 'Fife Council', code: 'S12000047', childrenFamilyGroup: 3 },
  { name: 'Glasgow City', onsName: 'Glasgow City', councilName: 'Glasgow City Council', code: 'S12000049', childrenFamilyGroup: 4 },
  { name: 'Highland', onsName: 'Highland', councilName: 'Highland Council', code: 'S12000017', childrenFamilyGroup: 2 },
  { name: 'Inverclyde', onsName: 'Inverclyde', councilName: 'Inverclyde Council', code: 'S12000018', childrenFamilyGroup: 4 },
  { name: 'Midlothian', onsName: 'Midlothian', councilName: 'Midlothian Council', code: 'S12000019', childrenFamilyGroup: 2 },
  { name: 'Moray', onsName: 'Moray', councilName: 'Moray Council', code: 'S12000020', childrenFamilyGroup: 2 },
  { name: 'North Ayrshire', onsName: 'North Ayrshire', councilName: 'North Ayrshire Council', code: 'S12000021', childrenFamilyGroup: 4 },
  { name: 'North Lanarkshire', onsName: 'North Lanarkshire', councilName: 'North Lanarkshire Council', code: 'S12000050', childrenFamilyGroup: 4 },
  { name: 'Orkney Islands', onsName: 'Orkney Islands', councilName: 'Orkney Islands Council', code: 'S12000023', childrenFamilyGroup: 1 },
  { name: 'Perth & Kinross', onsName: 'Perth & Kinross', councilName: 'Perth and Kinross Council', code: 'S12000048', childrenFamilyGroup: 1 },
  { name: 'Renfrewshire', onsName: 'Renfrewshire', councilName: 'Renfrewshire Council', code: 'S12000038', childrenFamilyGroup: 3 },
  { name: 'Scottish Borders', onsName: 'Scottish Borders', councilName: 'Scottish Borders Council', code: 'S12000026', childrenFamilyGroup: 2 },
  { name: 'Shetland Islands', onsName: 'Shetland Islands', councilName: 'Shetland Islands Council', code: 'S12000027', childrenFamilyGroup: 1 },
  { name: 'South Ayrshire', onsName: 'South Ayrshire', councilName: 'South Ayrshire Council', code: 'S12000028', childrenFamilyGroup: 3 },
  { name: 'South Lanarkshire', onsName: 'South Lanarkshire', councilName: 'South Lanarkshire Council', code: 'S12000029', childrenFamilyGroup: 3 },
  { name: 'Stirling', onsName: 'Stirling', councilName: 'Stirling Council', code: 'S12000030', childrenFamilyGroup: 2 },
  { name: 'West Dunbartonshire', onsName: 'West Dunbartonshire', councilName: 'West Dunbartonshire Council', code: 'S12000039', childrenFamilyGroup: 4 },
  { name: 'West Lothian', onsName: 'West Lothian', councilName: 'West Lothian Council', code: 'S12000040', childrenFamilyGroup: 3 },
];

/** Other names people and publishers use for a council, beyond its LGBF and ONS spellings. */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  'Eilean Siar': ['Western Isles', 'Comhairle nan Eilean Siar', 'Outer Hebrides'],
  'Edinburgh City': ['Edinburgh', 'City of Edinburgh Council'],
  'Orkney Islands': ['Orkney'],
  'Shetland Islands': ['Shetland'],
};

/** Spelling that does not change which council is meant: case, "&"/"and", "council", "city of", punctuation. */
export function councilKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== 'council' && word !== 'the');
  if (words[0] === 'city' && words[1] === 'of') words.splice(0, 2, ...words.splice(2), 'city');
  return words.join(' ');
}

const byKey = new Map<string, Council>();
for (const council of councils) {
  for (const name of [council.name, council.onsName, council.councilName, ...(OTHER_NAMES[council.name] ?? [])]) byKey.set(councilKey(name), council);
}

/** The council a name means, however it is spelt: "City of Edinburgh" and "Edinburgh City" are one council. */
export function findCouncil(name: string): Council | undefined {
  return byKey.get(councilKey(name));
}

export function familyGroupOf(council: Council): readonly Council[] {
  return councils.filter((other) => other.childrenFamilyGroup === council.childrenFamilyGroup);
}

/** How family-group averages are named as areas in the data ("Family group 3"). */
export function familyGroupArea(group: number): string {
  return `Family group ${group}`;
}

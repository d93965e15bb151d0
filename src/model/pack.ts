import type { InspectionModelId } from '../framework/index.js';
import type { Period } from './period.js';
import type { Person } from './records.js';

/** The meeting an agenda pack is for, from pack.json. */
export interface Meeting {
  council: string;
  committee: string;
  /** ISO date. */
  date: string;
  time?: string;
  venue?: string;
  membership: string[];
}

/** What a pack sets in a workspace's report.json for one paper. */
export interface PaperOverrides {
  committee?: string;
  meetingDate?: string;
  agendaItem?: string;
  council?: string;
  title?: string;
  partnership?: string;
  inspectionModel?: InspectionModelId;
  area?: string;
  period?: Period;
  draft?: boolean;
  peers?: string[];
  reportBy?: Person;
  background?: string[];
  recommendations?: string[];
}

/** One line of the agenda, after a quarterly item has been expanded into one paper per area and period. */
export type AgendaEntry =
  | { kind: 'heading'; item: string; title: string }
  | { kind: 'paper'; item: string; workspace: string; overrides: PaperOverrides; asOf: boolean }
  | { kind: 'pdf'; item: string; pdf: string; title: string; reportBy?: string };

export interface PackSpec {
  /** The pack file, as given. */
  file: string;
  meeting: Meeting;
  entries: AgendaEntry[];
  /** Write the agenda pack PDF as well as each paper (default true). */
  agendaPack: boolean;
}

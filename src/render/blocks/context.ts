import type { ReportModel } from '../../model/index.js';
import type { RenderedChart } from '../charts.js';
import type { Labels } from '../labels.js';

export interface BlockContext {
  model: ReportModel;
  labels: Labels;
  fill: (label: string, values: object) => string;
  charts: ReadonlyMap<string, RenderedChart[]>;
}

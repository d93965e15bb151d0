/** Statistical process control results (XmR), as the analysis computes them: see src/analyse/spc.ts. */

export interface SpcPoint {
  period: string;
  value: number;
}

export type SpcRule = 'beyond-limits' | 'run' | 'trend';

export interface SpcSignal {
  rule: SpcRule;
  direction: 'up' | 'down';
  /** indexes into the series of the points that make the signal */
  points: number[];
}

export interface SpcResult {
  /** false when the series is too short to judge */
  judgeable: boolean;
  /** the number of points needed to judge */
  minimumPoints: number;
  mean?: number;
  upperLimit?: number;
  lowerLimit?: number;
  averageMovingRange?: number;
  signals: SpcSignal[];
  /** the signal involving the LATEST point, which is what decides whether a change arrow is shown */
  latestSignal?: SpcSignal;
}


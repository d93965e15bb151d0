import type { ReportModel } from '../model/index.js';

/** Whether the paper has its data-quality appendix (Appendix 6): a lenient build, or anything read but not used. */
export const dataQualityShown = ({ dataQuality }: ReportModel): boolean => dataQuality.mode === 'lenient' || dataQuality.warnings.length > 0;

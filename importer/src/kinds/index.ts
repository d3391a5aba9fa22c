import { KindSpec } from '../spec/kind-spec';
import { appraisalsKind } from './appraisals.kind';
import { awardsKind } from './awards.kind';
import { benchmarksKind } from './benchmarks.kind';
import { designationsKind } from './designations.kind';
import { ethicsKind } from './ethics.kind';
import { hiresKind } from './hires.kind';
import { inspectionCatalogueKind } from './inspection-catalogue.kind';
import { inspectionsKind } from './inspections.kind';
import { lessonsKind } from './lessons.kind';
import { mentoringKind } from './mentoring.kind';
import { payKind } from './pay.kind';
import { performancePayKind } from './performance-pay.kind';
import { principalRanksKind } from './principal-ranks.kind';
import { quotasKind } from './quotas.kind';
import { reformsKind } from './reforms.kind';
import { rotationsKind } from './rotations.kind';
import { schoolsKind } from './schools.kind';
import { studiosKind } from './studios.kind';
import { talentKind } from './talent.kind';
import { teachersKind } from './teachers.kind';
import { trainingsKind } from './trainings.kind';

/**
 * Every kind the importer loads, by subgraph: personnel, professional development, compensation,
 * governance. Another kind is one spec file added here.
 */
export const KINDS: readonly KindSpec[] = [
  schoolsKind,
  teachersKind,
  quotasKind,
  hiresKind,
  rotationsKind,
  trainingsKind,
  designationsKind,
  studiosKind,
  lessonsKind,
  mentoringKind,
  payKind,
  talentKind,
  benchmarksKind,
  performancePayKind,
  appraisalsKind,
  ethicsKind,
  awardsKind,
  principalRanksKind,
  inspectionCatalogueKind,
  inspectionsKind,
  reformsKind,
];

export function kindSpec(kind: string): KindSpec | undefined {
  return KINDS.find((k) => k.kind === kind);
}

export {
  appraisalsKind,
  awardsKind,
  benchmarksKind,
  designationsKind,
  ethicsKind,
  hiresKind,
  inspectionCatalogueKind,
  inspectionsKind,
  lessonsKind,
  mentoringKind,
  payKind,
  performancePayKind,
  principalRanksKind,
  quotasKind,
  reformsKind,
  rotationsKind,
  schoolsKind,
  studiosKind,
  talentKind,
  teachersKind,
  trainingsKind,
};

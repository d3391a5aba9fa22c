export { generateDistrict } from './district';
export type { DemoDistrict, DemoSchool, DemoTeacher } from './district';
export { loadDemoDistrict, districtIsEmpty, gatewayPoster } from './load';
export type { DemoLoadResult, DemoTarget, Post } from './load';
export type { DemoPrincipal } from './importer-client';
export { kindOfMutation, sheetRow } from './sheets';
export { Random } from './random';
export type { DemoContext, DemoSchoolRecord, DemoTeacherRecord, ServiceDemo } from './context';

export { generateDistrict } from './district';
export type { DemoDistrict, DemoSchool, DemoTeacher } from './district';
export { loadDemoDistrict, districtIsEmpty, gatewayPoster } from './load';
export type { Post } from './load';
export { Random } from './random';
export type { DemoContext, DemoSchoolRecord, DemoTeacherRecord, ServiceDemo } from './context';

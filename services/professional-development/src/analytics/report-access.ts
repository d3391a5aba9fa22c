// who reads the figures is the same in every service: the kernel's rule
export { requireReportReader, requireSchoolReportReader, visibleSchool } from '@tw/kernel';

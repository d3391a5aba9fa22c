import { AppError, ErrorCode, SchoolDirectory, TeacherDirectory } from '@tw/kernel';

const noGateway = () => new AppError(ErrorCode.UNAVAILABLE, 'governance was started without a gateway URL, so it cannot ask personnel about teachers and schools');

/** Directories for a server started with neither a gateway URL nor directories: every lookup fails clearly. */
export const unreachableDirectories: { teachers: TeacherDirectory; schools: SchoolDirectory } = {
  teachers: { lookup: async () => Promise.reject(noGateway()) },
  schools: { lookup: async () => Promise.reject(noGateway()), count: async () => Promise.reject(noGateway()) },
};

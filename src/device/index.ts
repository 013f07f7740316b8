/** Browser storage, loaded after the first screen paints (it is not needed to show it). */
export { openDeviceStore, assertRoomToStore, storageRoom } from './openDeviceStore.ts';
export type { DeviceStore, ResponseRef, AnswerChange, StoreCounts } from './deviceStore.ts';
export { StorageFault } from './storageFault.ts';
export { bundleSealingKey, getEnrollment } from './enrollmentRecord.ts';

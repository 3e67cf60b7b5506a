/** The DMC student download's header row as DMC writes it (the citizen ID under a second "เลขประจำตัวนักเรียน"). */
export const DMC_HEADERS = [
  'รหัสโรงเรียน',
  'ชื่อโรงเรียน',
  'เลขประจำตัวนักเรียน',
  'ชั้น',
  'ห้อง',
  'เลขประจำตัวนักเรียน',
  'เพศ',
  'คำนำหน้าชื่อ',
  'ชื่อ',
  'นามสกุล',
  'วันเกิด',
  'อายุ(ปี)',
  'น้ำหนัก',
  'ส่วนสูง',
  'หมู่โลหิต',
  'ศาสนา',
  'เชื้อชาติ',
  'สัญชาติ',
  'ที่อยู่',
  'ชื่อ-สกุลบิดา (ถ้ามี)',
  'ชื่อ-สกุลมารดา (ถ้ามี)',
];

/** The columns every DMC download opens with, up to height; the tests vary only what follows. */
export const DMC_LEAD_HEADERS = DMC_HEADERS.slice(0, 14);

import type { zhDetails } from '../zh-CN/details.ts';

/** Texts inside error details (`details[].message`); values quoted from an uploaded file stay as the file spells them. */
export const enDetails: typeof zhDetails = {
  details: {
    afterPhotos: {
      report_back: 'Reporting back needs after-photos (this matter class requires them)',
      check_pass: 'Passing the check needs check photos (this matter class requires them)',
      verify: 'Verification needs an on-site photo (this matter class requires it)',
      self_handle: 'A problem fixed on the spot needs an after-photo (this matter class requires it)',
    },
    workflow: {
      unclosable: {
        checkBy:
          "Checks by the grid's on-duty inspectors need inspectors holding grids, and none holds one: a case of matter {matter} reported through channel '{channel}' could never be closed",
        verification:
          "Requiring verification on channel '{channel}' leaves no one to verify: a case of matter {matter} could never be closed",
      },
    },
    lookupCodeInvalid: 'The code is wrong or no longer valid; ask for a new one',
    upload: {
      fileField: 'Upload the {types} file in the multipart form field "file"',
      required: 'Upload a {types} file (multipart field "file", or as the request body)',
    },
    sheet: {
      required: '{field} is required',
      tooLong: '{field} is too long (at most {max} characters)',
      missingHeader: 'The column header "{field}" is missing',
      noSpaces: '{field} must not contain spaces',
      notXlsx: 'Not a valid xlsx file',
      notXlsxOrCsv: 'Not an xlsx file or a UTF-8 CSV file',
      csvUnclosedQuote: 'CSV error: a quoted field is not closed',
      noRows: 'The sheet has no data rows',
      notExcel: 'Not an xlsx file (upload an Excel 2007 or later workbook)',
    },
    standards: {
      badKind: 'Type "{value}" must be one of: {choices}',
      majorMismatch: 'Major class "{value}" does not match the minor class "{minor}" ({majorCode} {majorName})',
      badLimit:
        'Cannot read the handling time limit "{value}": write a whole number from 1 to {max} and a unit, e.g. {examples}',
      unknownUnit: 'Handling unit "{value}" is not a unit in this system (write "{byLocation}" to leave it unassigned)',
      duplicate: 'Same minor class and filing condition as row {row}',
      matterInactive: 'Matter "{code} {name}" is deactivated',
      unitAmbiguous: 'Several units are named "{value}": rename them apart in unit management first',
      conditionTaken:
        'This matter already has the same filing condition (use the replace mode to replace the whole sheet)',
      oldCodeUnmapped: 'Old code "{value}" has no minor class in GB/T 47678.5',
      noAnomaly: 'Minor class "{value}" is a component, but the catalog has no matching "anomaly" matter',
      ambiguousMinor: 'Minor class "{value}" is ambiguous: fill in the type or write the 5-digit code',
      minorIsMatter: 'Minor class "{value}" is a matter, not a component as the type says',
      minorIsComponent: 'Minor class "{value}" is a component, not a matter as the type says',
      unknownMinor:
        'Minor class "{value}" is not in the catalog (write the name, the 5-digit code or the old 4-digit code)',
    },
    catalog: {
      duplicateName: '"{name}" already exists in this major class',
      duplicateCondition: 'This matter already has the same filing condition',
      matterInactive: 'Matter "{code}" is deactivated',
      unknownMatter: 'Matter "{code}" is not in the catalog',
      unknownUnit: 'The handling unit does not exist',
      componentMajor: 'A component major class is 01–05',
      anomalyNeedsComponent:
        'Matters in the major classes 01–05 are component anomalies: add the component and its anomaly matter comes with it',
      ambiguousCode: 'Code "{code}" is both a component and a matter: give kind',
      localRangeFull: 'The local extension codes of major class "{majorCode}" ({low}–{high}) are used up',
      codeTaken: 'Code "{code}" was just taken: try again',
      nationalReadonly: 'A national class cannot be renamed, only deactivated',
    },
    catalogCode: {
      format: 'A class code is 5 digits (2-digit major + 3-digit minor, minor not 000), got "{code}"',
      unknownComponentMajor: 'Component major class "{majorCode}" does not exist (01–05), code "{code}"',
      unknownMatterMajor: 'Matter major class "{majorCode}" does not exist (01–10), code "{code}"',
      oldFormat: 'An old class code is 4 digits (2-digit major 01–06 + 2-digit minor 01–99), got "{code}"',
      notLocal:
        'A local extension minor code lies between {low} and {high} (above the national codes, counting down from 99), got "{code}"',
      taken: 'Class code "{code}" is already in use',
    },
    hotline: {
      duplicateNo: 'Same work order number as row {row}',
      badPhone: 'Phone number "{value}" may contain only digits and + - ( )',
      badUrgency: 'Urgency "{value}" must be one of: {choices}',
      badDeadline: 'Cannot read the deadline "{value}": write a date and time such as 2024-03-19 18:00 or 2024-03-19',
      returnReason: 'Give the reason for returning the order',
      replyText: 'The reply must not be empty',
      reopenNeedsDissatisfied: 'Only an order whose follow-up was dissatisfied can be reopened',
    },
    geoImport: {
      wrongLevel:
        'Code {code} is a {other} code ({digits} digits), not a {level} code ({levelDigits} digits): import it at /api/geo/import/{other}',
      unknownCommunity: 'Unknown community {code}',
      noFeatures: 'The file has no features',
      raced: 'Another import created some of these codes meanwhile: send the file again',
    },
    assetDuplicateCode: 'Code {code} is already in use',
    projectDuplicateName: 'The name “{name}” is already in use',
    projectUnknownPhoto: 'The photo is missing or already used; upload it again',
    projectMilestoneOutside: 'The date must lie within the project period {startOn} to {endOn}',
    projectFutureDate: 'The date cannot be after today ({today})',
    projectCompletedNeeded: 'A completion date is required at 100 % progress',
    projectCompletedEarly: 'A completion date is only allowed at 100 % progress',
    projectWeightOver: 'Sibling weights would total {sum} %, over 100 %; at most {left} % is left for this one',
    projectWeightsIds: 'Name each item of this project once',
    projectWeightsAll: 'Give the weights of all {count} items',
    projectWeightsNotFull: 'The weights must total exactly 100 % (now {sum} %)',
    projectEndBeforeStart: 'The end date cannot be before the start date',
    projectUnknownUnit: 'Choose an active unit of this city',
    projectDatesExcludeMilestone: 'Milestone “{name}” would fall outside the project period',
    projectPointPair: 'Give both longitude and latitude',
    projectReportBeforeStart: 'The report date cannot be before the project start {startOn}',
    projectUnknownSubproject: 'This subproject is not part of the project',
    assetOutsideTenant: "Position {lng},{lat} lies outside the city's boundary",
    assetAttr: {
      required: '{name} ({title}) is required',
      unknown: 'Assets of this type have no attribute {name} ({title})',
      minimum: '{name} ({title}) must be at least {limit}{unit}',
      maximum: '{name} ({title}) must be at most {limit}{unit}',
      maxLength: '{name} ({title}) takes at most {limit} characters',
      enum: '{name} ({title}) must be one of: {values}',
      type: {
        string: '{name} ({title}) must be text',
        number: '{name} ({title}) must be a number',
        integer: '{name} ({title}) must be a whole number',
        boolean: '{name} ({title}) must be yes or no',
      },
    },
    componentImport: {
      notJson: 'Not a readable JSON/GeoJSON file',
      noPoint: 'Longitude and latitude must be numbers, got {lng}, {lat}',
      exists: 'Component {code} already exists',
      noRows: 'The file has no rows',
      raced: 'Some ids were taken by another change meanwhile: send the file again',
    },
    yearbook: {
      key: '{token}: the figure key is malformed',
      period: '{token}: the period must be a year (2023), a quarter (2023-Q1) or a month (2023-03)',
      unclosed: '{token}: the placeholder is missing its closing }}',
      unknown: '{token}: the statistics report has no such figure',
      yearTaken: 'The work summary of {year} exists',
    },
    approvals: {
      missingMaterial: 'Missing required material: {name}',
      notInChecklist: 'Material "{code}" is not on this type’s checklist',
      transition: {
        review: 'The application is "{status}"; only an accepted one can go to review',
        correct: 'The application is "{status}"; no more materials can be asked for',
        resume: 'The application is "{status}"; no materials are awaited',
        decide: 'The application is "{status}"; it is decided already or awaiting materials',
        close: 'The application is "{status}"; it is closed after its decision',
      },
    },
  },
};

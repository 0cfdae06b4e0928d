import designerEn from './designer.en.json';

/** The workflow designer's words (definition pages only). */
export default { ...designerEn };

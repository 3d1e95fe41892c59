// Documents: the folder tree, opening a document, and uploading one into Uploads.
export const documents = {
  title: 'Documents',
  tree: {
    heading: 'Shared documents',
    label: 'Folders and documents',
    showAll: 'Show all',
    collapseAll: 'Collapse all',
    empty: 'No documents have been shared with your company yet.',
    contents: (folders: number, documents: number) =>
      [
        folders > 0 ? `${folders} ${folders === 1 ? 'folder' : 'folders'}` : '',
        documents > 0 ? `${documents} ${documents === 1 ? 'document' : 'documents'}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    opensInTab: 'opens in a new tab',
    downloads: 'downloads',
  },
  opened: (name: string) => `${name} opened in a new tab.`,
  downloading: (name: string) => `${name} is downloading.`,
  types: {
    'application/pdf': 'PDF',
    'text/plain': 'Text',
    'image/png': 'PNG image',
    'image/jpeg': 'JPEG image',
    'image/gif': 'GIF image',
    'image/webp': 'WebP image',
    'application/msword': 'Word document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/vnd.ms-excel': 'Excel spreadsheet',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
    'text/csv': 'CSV spreadsheet',
    'application/zip': 'ZIP archive',
  } as Record<string, string>,
  upload: {
    heading: 'Upload a document',
    intro: 'Send us a document. It goes into the Uploads folder, where you and we can see it.',
    file: 'Choose a file',
    hint: 'PDF, text, images (PNG, JPEG, GIF, WebP), Word, Excel, CSV or ZIP, up to 50 MB.',
    button: 'Upload',
    noFile: 'Choose a file to upload first.',
    progress: 'Upload progress',
    percent: (n: string) => `${n} uploaded`,
    sending: (name: string) => `Uploading ${name}…`,
    checking: 'Checking the upload…',
    done: (name: string) => `${name} was uploaded into Uploads.`,
    failed: 'The file did not reach our storage. Check your connection and try again.',
  },
};

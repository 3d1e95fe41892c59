//! Request and response types of documents, and the rules for names, types and dispositions.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::{
        contacts::Actor,
        documents::{Document, DocumentStatus},
    },
    validate::{Checks, Validate},
};
use time::OffsetDateTime;
use utoipa::ToSchema;

pub use shared::download::{disposition, Link, Upload, DISPLAYABLE, LINK_SECONDS, OTHER};

/// The largest document (50 MiB).
pub const MAX_SIZE: u64 = 50 * 1024 * 1024;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDocument {
    /// Staff only: the folder path, segments separated by `/`.
    #[serde(default)]
    pub folder: Option<String>,
    pub name: String,
    pub content_type: String,
    /// Bytes; the upload must be exactly this long.
    pub size: u64,
    /// Staff only: the customer's site the document belongs to, as well as to the customer.
    #[serde(default)]
    pub site_id: Option<String>,
}

pub fn clean_folder(folder: &str) -> Option<String> {
    let segments: Vec<&str> = folder.split('/').map(str::trim).filter(|s| !s.is_empty()).collect();
    if segments.len() > 8
        || segments
            .iter()
            .any(|s| *s == "." || *s == ".." || s.len() > 64 || s.chars().any(|c| c.is_control() || c == '\\'))
    {
        return None;
    }
    Some(segments.join("/"))
}

impl Validate for NewDocument {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("name", &self.name, 200);
        if self.name.contains(['/', '\\']) {
            errors.push(FieldError::new("name", "must be a file name, not a path"));
        }
        if let Some(f) = &self.folder {
            if clean_folder(f).is_none() {
                errors.push(FieldError::new(
                    "folder",
                    "must be up to 8 folder names of at most 64 characters, separated by '/'",
                ));
            }
        }
        if self.site_id.as_deref().is_some_and(|s| !shared::ids::is_valid(s)) {
            errors.push(FieldError::new("site_id", "is not a valid identifier"));
        }
        if !shared::download::accepted_type(&self.content_type) {
            errors.push(FieldError::new("content_type", "is not a type documents may have"));
        }
        if self.size == 0 || self.size > MAX_SIZE {
            errors.push(FieldError::new(
                "size",
                format!("must be between 1 and {MAX_SIZE} bytes"),
            ));
        }
    }
}

// The response for a stored document (staff, and a contact's own upload); the schema keeps its name.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Document)]
pub struct DocumentResponse {
    pub id: String,
    pub customer_id: String,
    /// Folder path such as `Contracts/2026`; `Uploads` holds what contacts send.
    pub folder: String,
    /// The original file name, for display and downloads only.
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub status: DocumentStatus,
    pub visible_in_portal: bool,
    pub site_id: Option<String>,
    pub uploaded_by: Actor,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl From<&Document> for DocumentResponse {
    fn from(e: &Document) -> Self {
        Self {
            id: e.id.clone(),
            customer_id: e.customer_id.clone(),
            folder: e.folder.clone(),
            name: e.name.clone(),
            content_type: e.content_type.clone(),
            size: e.size,
            status: e.status,
            visible_in_portal: e.visible_in_portal,
            site_id: e.site_id.clone(),
            uploaded_by: e.uploaded_by.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UploadTicket {
    pub document: DocumentResponse,
    pub upload: Upload,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Visibility {
    pub visible_in_portal: bool,
}

impl Validate for Visibility {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}

/// A document as the portal lists it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentEntry {
    pub id: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A folder of the portal's tree, with everything below it (the whole tree in one answer).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Folder {
    pub name: String,
    pub path: String,
    #[schema(no_recursion)]
    pub folders: Vec<Folder>,
    pub documents: Vec<DocumentEntry>,
}

pub fn tree(docs: Vec<Document>) -> Folder {
    let mut root = Folder::default();
    for d in docs {
        let mut node = &mut root;
        let mut path = String::new();
        for segment in d.folder.split('/').filter(|s| !s.is_empty()) {
            path = if path.is_empty() {
                segment.to_owned()
            } else {
                format!("{path}/{segment}")
            };
            let i = match node.folders.iter().position(|f| f.name == segment) {
                Some(i) => i,
                None => {
                    node.folders.push(Folder {
                        name: segment.to_owned(),
                        path: path.clone(),
                        ..Default::default()
                    });
                    node.folders.len() - 1
                }
            };
            node = &mut node.folders[i];
        }
        node.documents.push(DocumentEntry {
            id: d.id,
            name: d.name,
            content_type: d.content_type,
            size: d.size,
            created_at: d.created_at,
        });
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispositions_are_safe_for_any_name() {
        let (kind, header) = disposition("Report \"Q1\";\r\nX-Evil: 1 é.docx", "application/msword");
        assert_eq!(kind, "attachment");
        assert!(!header.contains('\r') && !header.contains('\n'));
        assert!(
            header.starts_with("attachment; filename=\"Report _Q1____X-Evil: 1 _.docx\""),
            "{header}"
        );
        assert!(header.contains("filename*=UTF-8''Report%20%22Q1%22%3B%0D%0AX-Evil%3A%201%20%C3%A9.docx"));
        assert_eq!(disposition("a.pdf", "application/pdf").0, "inline");
    }

    #[test]
    fn folders_refuse_traversal() {
        assert_eq!(clean_folder(" Contracts / 2026 /").as_deref(), Some("Contracts/2026"));
        assert!(clean_folder("a/../b").is_none());
    }
}

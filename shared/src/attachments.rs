//! Files on a record (a ticket, a project), for the portal and for staff. Uploads go straight to S3
//! through a presigned PUT of the announced type and size; completing checks what arrived and adds it to
//! the record. A file is reached only through its record: the caller must see the record and the id must
//! be one of that record's own, so an attachment id alone grants nothing.

use std::future::Future;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::{
    download::{self, Link, Upload},
    error::{ApiError, ApiResult, FieldError},
    ids,
    table::{
        attachments::{object_key, Attachment, AttachmentView, HolderKind, PendingAttachment, MAX_ATTACHMENT_SIZE},
        contacts::Actor,
        customers::stale,
        projects::Project,
        tickets::Ticket,
        Action, Entity,
    },
    validate::{Checks, Validate},
    Context,
};

/// `POST …/attachments` or `…/files`: the file to be uploaded.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAttachment {
    pub name: String,
    pub content_type: String,
    /// Bytes; the upload must be exactly this long (at most 25 MiB).
    pub size: u64,
}

impl Validate for NewAttachment {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("name", &self.name, 200);
        if self.name.contains(['/', '\\']) || self.name.chars().any(char::is_control) {
            errors.push(FieldError::new("name", "must be a file name, not a path"));
        }
        if !download::accepted_type(&self.content_type) {
            errors.push(FieldError::new("content_type", "is not a type attachments may have"));
        }
        if self.size == 0 || self.size > MAX_ATTACHMENT_SIZE {
            errors.push(FieldError::new(
                "size",
                format!("must be from 1 to {MAX_ATTACHMENT_SIZE} bytes"),
            ));
        }
    }
}

/// The announced attachment and where to upload it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentUpload {
    pub attachment: AttachmentView,
    pub upload: Upload,
}

/// A record that keeps its files on itself.
pub trait Holder: Clone + Send + Sync + Sized {
    const KIND: HolderKind;
    /// What the record is called in a refusal ("ticket").
    const NOUN: &'static str;
    /// The most files one record holds.
    const MAX_FILES: usize;
    fn customer_id(&self) -> &str;
    fn holder_id(&self) -> &str;
    fn files(&self) -> &[Attachment];
    /// Adds a file, marking the record changed (a new version).
    fn add_file(&mut self, file: Attachment, now: OffsetDateTime);
    /// Why no file may be added now (a closed record), if none may.
    fn refusal(&self) -> Option<&'static str>;
    /// Replaces `before` with `after`, with `more` actions, in one transaction; 409 when stale.
    fn save(
        ctx: &Context,
        before: &Self,
        after: &Self,
        more: Vec<Action>,
    ) -> impl Future<Output = ApiResult<()>> + Send;
    fn reread(ctx: &Context, customer_id: &str, id: &str) -> impl Future<Output = ApiResult<Option<Self>>> + Send;
}

impl Holder for Ticket {
    const KIND: HolderKind = HolderKind::Ticket;
    const NOUN: &'static str = "ticket";
    const MAX_FILES: usize = 20;

    fn customer_id(&self) -> &str {
        &self.customer_id
    }

    fn holder_id(&self) -> &str {
        &self.id
    }

    fn files(&self) -> &[Attachment] {
        &self.attachments
    }

    fn add_file(&mut self, file: Attachment, now: OffsetDateTime) {
        self.attachments.push(file);
        self.updated_at = now;
        self.version += 1;
    }

    fn refusal(&self) -> Option<&'static str> {
        self.status.is_closed().then_some("the ticket is closed")
    }

    async fn save(ctx: &Context, before: &Self, after: &Self, more: Vec<Action>) -> ApiResult<()> {
        ctx.table.save_ticket(before, after, more).await
    }

    async fn reread(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Option<Self>> {
        ctx.table.ticket(customer_id, id).await
    }
}

impl Holder for Project {
    const KIND: HolderKind = HolderKind::Project;
    const NOUN: &'static str = "project";
    const MAX_FILES: usize = 50;

    fn customer_id(&self) -> &str {
        &self.customer_id
    }

    fn holder_id(&self) -> &str {
        &self.id
    }

    fn files(&self) -> &[Attachment] {
        &self.files
    }

    fn add_file(&mut self, file: Attachment, now: OffsetDateTime) {
        self.files.push(file);
        self.updated_at = now;
        self.version += 1;
    }

    fn refusal(&self) -> Option<&'static str> {
        self.status.is_closed().then_some("the project is closed")
    }

    async fn save(ctx: &Context, before: &Self, after: &Self, more: Vec<Action>) -> ApiResult<()> {
        let mut actions = vec![ctx.table.put_versioned(after, before.version)?];
        actions.extend(more);
        ctx.table.transact_or(actions, |_| stale()).await
    }

    async fn reread(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Option<Self>> {
        ctx.table.get::<Project>((customer_id, id)).await
    }
}

/// Records the announced file (for a day) and signs its upload; 409 on a closed or full record.
pub async fn announce<H: Holder>(
    ctx: &Context,
    holder: &H,
    input: NewAttachment,
    author: Actor,
    author_name: String,
) -> ApiResult<AttachmentUpload> {
    if let Some(why) = holder.refusal() {
        return Err(ApiError::Conflict(why.into()));
    }
    if holder.files().len() >= H::MAX_FILES {
        return Err(ApiError::Conflict(format!(
            "a {} holds at most {} files",
            H::NOUN,
            H::MAX_FILES
        )));
    }
    let now = OffsetDateTime::now_utc();
    let pending = PendingAttachment {
        holder: H::KIND,
        customer_id: holder.customer_id().to_owned(),
        holder_id: holder.holder_id().to_owned(),
        attachment: Attachment {
            id: ids::new_id(),
            name: input.name.trim().to_owned(),
            content_type: input.content_type,
            size: input.size,
            author_name,
            author: Some(author),
            created_at: now,
        },
        expires_at: now + time::Duration::days(1),
    };
    ctx.table.put(&pending).await?;
    let upload = download::sign_put(
        ctx,
        &pending.object_key(),
        &pending.attachment.content_type,
        pending.attachment.size,
    )
    .await?;
    Ok(AttachmentUpload {
        attachment: AttachmentView::from(&pending.attachment),
        upload,
    })
}

/// Checks the uploaded file and adds it to the record (a repeat answers the same attachment). `may`
/// says whether the caller may complete this upload; 404 otherwise, as for one never announced.
pub async fn complete<H: Holder>(
    ctx: &Context,
    holder: H,
    attachment_id: &str,
    may: impl Fn(&PendingAttachment) -> bool,
) -> ApiResult<Attachment> {
    if let Some(done) = holder.files().iter().find(|a| a.id == attachment_id) {
        return Ok(done.clone());
    }
    let pending_id = (H::KIND, holder.customer_id(), holder.holder_id(), attachment_id);
    let pending = match ctx.table.get::<PendingAttachment>(pending_id).await? {
        Some(p) if may(&p) => p,
        _ => return Err(ApiError::NotFound),
    };
    let a = &pending.attachment;
    if !download::check_upload(ctx, &pending.object_key(), &a.content_type, a.size, MAX_ATTACHMENT_SIZE).await? {
        return Err(ApiError::invalid(
            "size",
            "the upload does not match the announced size and type; it was removed",
        ));
    }
    // Two files completing at once each re-read the record they add to.
    let mut before = holder;
    for _ in 0..5 {
        let mut after = before.clone();
        after.add_file(a.clone(), OffsetDateTime::now_utc());
        let done = ctx.table.delete::<PendingAttachment>(pending.id(), None)?;
        match H::save(ctx, &before, &after, vec![done]).await {
            Ok(()) => return Ok(a.clone()),
            Err(ApiError::Conflict(_)) => {
                before = H::reread(ctx, &pending.customer_id, &pending.holder_id)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                if let Some(done) = before.files().iter().find(|x| x.id == attachment_id) {
                    return Ok(done.clone());
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(ApiError::Unavailable)
}

/// A five-minute link to one of the record's own files; 404 for any other id.
pub async fn link<H: Holder>(ctx: &Context, holder: &H, attachment_id: &str) -> ApiResult<Link> {
    let a = holder
        .files()
        .iter()
        .find(|a| a.id == attachment_id)
        .ok_or(ApiError::NotFound)?;
    let key = object_key(H::KIND, holder.customer_id(), holder.holder_id(), &a.id);
    download::sign_get(ctx, &key, &a.name, &a.content_type).await
}

/// Whether the pending upload was announced by this contact.
pub fn by_contact(contact_id: &str) -> impl Fn(&PendingAttachment) -> bool + '_ {
    move |p| matches!(&p.attachment.author, Some(Actor::Contact { id }) if id == contact_id)
}

/// Whether the pending upload was announced by a member of staff.
pub fn by_staff(p: &PendingAttachment) -> bool {
    matches!(p.attachment.author, Some(Actor::Staff { .. }))
}

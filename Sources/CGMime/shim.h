#ifndef DRAFTFLOW_CGMIME_SHIM_H
#define DRAFTFLOW_CGMIME_SHIM_H
#include <gmime/gmime.h>

/* GMime's type checks and casts are GObject macros, which Swift cannot call: these wrap the ones
   MailCore uses. Each returns NULL when the object is not of that type. */
static inline GMimeMultipart *draftflow_gmime_as_multipart(GMimeObject *object) {
    return GMIME_IS_MULTIPART(object) ? GMIME_MULTIPART(object) : NULL;
}
static inline GMimePart *draftflow_gmime_as_part(GMimeObject *object) {
    return GMIME_IS_PART(object) ? GMIME_PART(object) : NULL;
}
static inline GMimeTextPart *draftflow_gmime_as_text_part(GMimeObject *object) {
    return GMIME_IS_TEXT_PART(object) ? GMIME_TEXT_PART(object) : NULL;
}
static inline GMimeMessagePart *draftflow_gmime_as_message_part(GMimeObject *object) {
    return GMIME_IS_MESSAGE_PART(object) ? GMIME_MESSAGE_PART(object) : NULL;
}
static inline GMimeObject *draftflow_gmime_message_object(GMimeMessage *message) {
    return GMIME_OBJECT(message);
}
static inline GMimeObject *draftflow_gmime_part_object(GMimePart *part) {
    return GMIME_OBJECT(part);
}
static inline InternetAddressMailbox *draftflow_gmime_as_mailbox(InternetAddress *address) {
    return INTERNET_ADDRESS_IS_MAILBOX(address) ? INTERNET_ADDRESS_MAILBOX(address) : NULL;
}
static inline InternetAddressGroup *draftflow_gmime_as_group(InternetAddress *address) {
    return INTERNET_ADDRESS_IS_GROUP(address) ? INTERNET_ADDRESS_GROUP(address) : NULL;
}
static inline GMimeStreamMem *draftflow_gmime_as_stream_mem(GMimeStream *stream) {
    return GMIME_STREAM_MEM(stream);
}
static inline void draftflow_gmime_unref(void *object) {
    g_object_unref(object);
}
#endif

/**
 * Screenshots, photos, recordings and the sidecar files archiving tools write beside a capture
 * (auto-archiver's metadata.json, ArchiveBox's index.json, hashes.txt, RFC 3161 `.tsr` and
 * OpenTimestamps `.ots` proofs): evidence kept as it is, listed with its hash and size, never read
 * as text and never shown inline (an SVG's scripts stay in the file).
 */
import type { CaptureFormat } from "./types.ts";

/** File names of media kept as attachments. */
const MEDIA =
  /\.(?:png|jpe?g|gif|webp|avif|heic|tiff?|bmp|svg|mp4|m4v|webm|mov|mkv|avi|mp3|m4a|ogg|oga|opus|wav|flac)$/i;

/** File names of archiving tools' sidecars and timestamp proofs. */
const SIDECARS = /(?:^|\/)(?:metadata\.json|index\.json|hashes\.txt)$|\.(?:tsr|ots)$/i;

/** The attachment format: media and sidecars, kept but not read. */
export const mediaFormat: CaptureFormat = {
  name: "attachment",
  description:
    "screenshots, media and archivers' sidecars (.png, .jpg, .mp4, metadata.json …), kept as attachments",
  block: "line",
  accepts: (capture) => MEDIA.test(capture.file) || SIDECARS.test(capture.file),
  extract: () => ({ encoding: "utf-8", text: "", blocks: [], warnings: [], attachment: true }),
};

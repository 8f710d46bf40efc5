/** What POST /api/media answers for a stored image. */
export interface UploadedImage {
  id: string;
  width: number;
  height: number;
  /** The name the media library knows it by: the first upload's, for a photo sent twice. */
  filename: string;
  created: boolean;
  src: string;
  srcset: string;
}

/** An upload the server refused or that never arrived, with a message for the author. */
export class UploadRefused extends Error {}

/**
 * Sends one image to the media store, for the story `storyId` (the server refuses it when
 * the sender may not edit that story). XMLHttpRequest rather than fetch: only it reports
 * upload progress, which a 10 MB photo on a slow line needs.
 */
export function uploadImage(file: File, storyId: string, onProgress: (fraction: number) => void): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      const body = xhr.response as (Partial<UploadedImage> & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.id) resolve(body as UploadedImage);
      else reject(new UploadRefused(body?.error ?? `The upload failed (HTTP ${xhr.status}). Please try again.`));
    });
    xhr.addEventListener("error", () =>
      reject(new UploadRefused("The upload did not reach the server. Check the connection and try again.")),
    );
    const form = new FormData();
    form.append("file", file);
    form.append("storyId", storyId);
    xhr.send(form);
  });
}

/**
 * Files dropped anywhere on the page, so that a workbook dropped beside the drop zone opens too
 * instead of the browser navigating away to it. Returns whether files are being dragged over.
 */
import { useEffect, useRef, useState } from "react";

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

export function useFileDrop(onDrop: (files: readonly File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latestOnDrop = useRef(onDrop);
  latestOnDrop.current = onDrop;

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag left.
    let depth = 0;
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = "copy";
    };
    const onDropEvent = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault(); // keeps the browser from opening the file itself
      depth = 0;
      setDragging(false);
      latestOnDrop.current([...event.dataTransfer.files]);
    };
    window.addEventListener("dragenter", onDragEnter);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDropEvent);
    return () => {
      window.removeEventListener("dragenter", onDragEnter);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDropEvent);
    };
  }, []);

  return dragging;
}

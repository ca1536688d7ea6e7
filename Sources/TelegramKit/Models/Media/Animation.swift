/// A GIF or a silent H.264/MPEG-4 video.
public typealias Animation = Video

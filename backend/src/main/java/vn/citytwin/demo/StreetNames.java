package vn.citytwin.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real-sounding Vietnamese street names (historical figures, places, dates), drawn without replacement in a
 * seeded order; when the pool runs out, streets get numbers ("Đường số 12") as in new urban areas.
 */
final class StreetNames {
  private static final String[] POOL = {
    "Trương Công Định", "Ba Cu", "Hoàng Hoa Thám", "Phan Chu Trinh", "Lý Thường Kiệt", "Nguyễn Thái Học", "Đô Lương",
    "Bình Giã", "Phan Huy Chú", "Nguyễn Thiện Thuật", "Thi Sách", "Trưng Trắc", "Trưng Nhị", "Trần Hưng Đạo",
    "Lê Thánh Tôn", "Lý Tự Trọng", "Hai Bà Trưng", "Nguyễn Du", "Nguyễn Trãi", "Phạm Ngũ Lão", "Đinh Tiên Hoàng",
    "Lê Lai", "Nguyễn Văn Trỗi", "Bà Triệu", "Hùng Vương", "Phan Bội Châu", "Phan Đình Phùng", "Trần Quốc Toản",
    "Ngô Quyền", "Lê Quý Đôn", "Nguyễn Bỉnh Khiêm", "Nguyễn Công Trứ", "Chu Văn An", "Tôn Đức Thắng", "Phạm Văn Đồng",
    "Nguyễn Huệ", "Lê Văn Tám", "Võ Văn Tần", "Cô Giang", "Cô Bắc", "Huyền Trân Công Chúa", "Yết Kiêu",
    "Phan Văn Trị", "Đồ Chiểu", "Lương Văn Can", "Trần Bình Trọng", "Nguyễn Tri Phương", "Hoàng Văn Thụ",
    "Lê Ngọc Hân", "Nơ Trang Long", "Nguyễn Thị Minh Khai", "Xô Viết Nghệ Tĩnh", "Trần Cao Vân", "Tú Xương",
    "Hàn Thuyên", "Trần Khánh Dư", "Nguyễn Kim", "Lê Phụng Hiểu", "Phạm Hồng Thái", "Lưu Chí Hiếu", "Nguyễn Gia Thiều",
    "Nguyễn Hữu Cảnh", "Lê Quang Định", "Nguyễn Văn Cừ", "Trần Xuân Độ", "Phan Đăng Lưu", "Hàn Mặc Tử", "Ngô Đức Kế",
    "Nguyễn Bảo", "Bùi Thiện Ngộ", "Lưu Hữu Phước", "Võ Trường Toản", "Nguyễn Thông", "Nguyễn Chí Thanh",
    "Đặng Thai Mai", "Lạc Long Quân", "Âu Cơ", "An Dương Vương", "Mạc Đĩnh Chi", "Mạc Thanh Đạm", "Hà Huy Tập",
    "Trần Nguyên Hãn", "Thống Nhất", "Độc Lập", "Bạch Đằng", "Hàm Nghi", "Duy Tân", "Triệu Việt Vương", "Lý Nam Đế",
    "Lý Thái Tổ", "Lý Thánh Tông", "Trần Nhân Tông", "Trần Thánh Tông", "Nguyễn Đình Chiểu", "Nguyễn Thị Định",
    "Mai Hắc Đế", "Phùng Khắc Khoan", "Nguyễn Lương Bằng", "Tôn Thất Tùng", "Tôn Thất Thuyết", "Phạm Ngọc Thạch",
    "Nguyễn Khuyến", "Xuân Diệu", "Huỳnh Thúc Kháng", "Thủ Khoa Huân", "Nguyễn Trung Trực", "Trương Vĩnh Ký",
    "Cao Thắng", "Phó Đức Chính", "Hoàng Diệu", "Lý Chính Thắng", "Bùi Viện", "Đề Thám", "Nguyễn Cư Trinh",
    "Trần Đình Xu", "Huỳnh Khương Ninh", "Đinh Công Tráng", "Trần Quang Khải", "Trần Nhật Duật", "Nguyễn Phi Khanh",
    "Chi Lăng", "Đống Đa", "Điện Biên Phủ", "Vạn Kiếp", "Ngô Thời Nhiệm", "Lê Thị Riêng", "Phan Kế Bính",
    "Đào Duy Từ", "Đào Duy Anh", "Nam Cao", "Ngô Gia Tự", "Tạ Uyên", "Trần Quốc Tuấn", "Lê Văn Hưu", "Nguyễn Biểu",
    "Phan Huy Ích", "Lê Hữu Trác", "Tuệ Tĩnh", "Hải Thượng Lãn Ông", "Nguyễn Trường Tộ", "Phạm Phú Thứ",
    "Lê Đại Hành", "Đinh Bộ Lĩnh", "Lý Công Uẩn", "Trần Thái Tông", "Nguyễn Văn Linh", "Trần Văn Ơn", "Hoàng Sa",
    "Trường Sa", "Côn Đảo", "Bà Huyện Thanh Quan", "Hồ Xuân Hương", "Đoàn Thị Điểm", "Nguyễn Đình Thi", "Tố Hữu",
    "Nguyễn Hồng", "Văn Cao", "Trịnh Hoài Đức", "Lê Văn Lộc", "Nguyễn Hới", "Nguyễn Hữu Tiến", "Hoàng Việt",
    "Phạm Cự Lượng", "Trần Anh Tông", "Võ Văn Kiệt", "Lê Duẩn", "Trường Chinh", "Nguyễn Oanh", "Hoàng Quốc Việt",
    "Nguyễn Văn Huyên", "Dương Bạch Mai", "Nguyễn Thị Lựu",
  };

  private final List<String> order;
  private int next;
  private int numbered;

  /** The pool minus {@code reserved} (main roads and hinted names), in a seeded order. */
  StreetNames(SplittableRandom rnd, List<String> reserved) {
    List<String> names = new ArrayList<>();
    for (String n : POOL) {
      if (!reserved.contains(n) && !names.contains(n)) {
        names.add(n);
      }
    }
    for (int i = names.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = names.get(i);
      names.set(i, names.get(j));
      names.set(j, t);
    }
    this.order = names;
  }

  String next() {
    if (next < order.size()) {
      return order.get(next++);
    }
    return "Đường số " + (++numbered);
  }
}
